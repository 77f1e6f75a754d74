print('before the error')
error('main fails')
