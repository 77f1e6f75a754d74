print('hello', 1, true)
