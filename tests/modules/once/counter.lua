print('evaluating once/counter')
value = {}
