print('app init', _CONTEXT)
print('app helper', require('./helper').name)
