print('before')
error('main failed')
