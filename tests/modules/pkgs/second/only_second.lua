origin = 'second'
