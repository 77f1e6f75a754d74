internal = 'value'
setfenv(0, {external = internal})
