origin = 'a package named time'
