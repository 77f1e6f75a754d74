local m = require './glob/returns'
print(type(m), m.exported)
