-- Two levels: rel/pkg/deep.lua -> rel/value.lua.
value_name = require('../../value').name
