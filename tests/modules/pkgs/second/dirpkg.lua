origin = 'second (file)'
