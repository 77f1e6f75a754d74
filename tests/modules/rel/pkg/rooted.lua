-- A root import resolves from the project root whatever the depth.
value_name = require('/rel/value').name
