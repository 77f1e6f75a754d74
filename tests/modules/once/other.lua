counter = require '/once/counter'
