-- A program that ends normally exits 0 (the runner prints no [exit]).
spawn(function() print('fiber done') end)
print('main done')
