origin = 'first'
