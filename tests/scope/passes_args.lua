print(scope(function(a, b, c) return c, b, a end, 'x', 'y', 'z'))
