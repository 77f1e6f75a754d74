-- What the chunk returns is not the module: its globals are.
exported = true
return 'ignored'
