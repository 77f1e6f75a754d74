-- A file module at rel/value.lua.
print('loading rel/value')
name = 'rel/value'
