-- format(): fmt-style formatting of booleans, numbers and strings.
print(format("{0}, {1}, {2}", 'a', 'b', 'c'))
print(format("{2}, {1}, {0}", 'a', 'b', 'c'))
print(format("{0}{1}{0}", "abra", "cad"))
print(format("{:.{}f}", 3.14, 1))
print(format("Elapsed time: {s:.2f} seconds", {"s", 1.23}))

-- Integral numbers print as integers, others in their shortest form.
print(format("{} {} {} {}", 3, 3.5, 0.1 + 0.2, 2^70))

-- A small table: fill, alignment, width, sign, bases.
local rows = {{"apples", 3, 0.25}, {"kiwis", 12, 1.5}, {"plums", -4, 10}}
print(format("|{:<8}|{:>5}|{:>7}|", "item", "n", "price"))
for _, r in ipairs(rows) do
    print(format("|{:<8}|{:>+5}|{:>7.2f}|", r[1], r[2], r[3]))
end
print(format("{:*^20}", " done "))
print(format("{:d} {:#b} {:o} {:X} {:c}", 255, 5, 8, 255, 65))
print(format("{} {:d} {:>6}", true, false, true))
print(format("{{literal}} {:?}", "tab\there"))

-- Mistakes in the format string say what and where.
print(pcall(format, "{:d}", "text"))
print(pcall(format, "{0} {}", 1, 2))
