-- yield() with nothing else ready returns to the same fiber.
print('a')
this_fiber.yield()
print('b')
