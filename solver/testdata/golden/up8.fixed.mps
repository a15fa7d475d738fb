* Written by github.com/coalitionlab/alliance/solver: maximise the total weight.
* 8 items, 3 agents, 16 binary variables, 15 rows.
* x<i>_<a> is 1 when item i goes to agent a; vetoed pairs have no variable.
* Rows: a<i> item i, lo<b>/hi<b> bound b, r<r> row r, l<k> lock k.
* agent 0: "SP"
* agent 1: "INC"
* agent 2: "RLD"
* group 0: "west"
* group 1: "central"
NAME          alliance
OBJSENSE
    MAX
ROWS
 N  obj
 E  a0
 E  a1
 E  a2
 E  a3
 E  a4
 E  a5
 E  a6
 E  a7
 G  lo0
 G  lo1
 L  hi1
 G  lo2
 L  hi2
 L  hi3
 E  l0
COLUMNS
    x0_0      obj       0.41
    x0_0      a0        1
    x0_0      lo0       1
    x0_1      obj       0.58
    x0_1      a0        1
    x0_1      lo1       1
    x0_1      hi1       1
    x0_1      hi3       1
    x1_0      obj       0.45
    x1_0      a1        1
    x1_0      lo0       1
    x1_1      obj       0.71
    x1_1      a1        1
    x1_1      lo1       1
    x1_1      hi1       1
    x1_1      hi3       1
    x1_1      l0        1
    x2_0      obj       0.52
    x2_0      a2        1
    x2_0      lo0       1
    x2_1      obj       0.22
    x2_1      a2        1
    x2_1      lo1       1
    x2_1      hi1       1
    x2_2      obj       0.49
    x2_2      a2        1
    x2_2      lo2       1
    x2_2      hi2       1
    x3_0      obj       0.47
    x3_0      a3        1
    x3_0      lo0       1
    x3_2      obj       0.51
    x3_2      a3        1
    x3_2      lo2       1
    x3_2      hi2       1
    x4_0      obj       0.38
    x4_0      a4        1
    x4_0      lo0       1
    x4_2      obj       0.55
    x4_2      a4        1
    x4_2      lo2       1
    x4_2      hi2       1
    x5_0      obj       0.44
    x5_0      a5        1
    x5_0      lo0       1
    x5_1      obj       0.47
    x5_1      a5        1
    x5_1      lo1       1
    x5_1      hi1       1
    x6_0      obj       0.69
    x6_0      a6        1
    x6_0      lo0       1
    x6_1      obj       0.2
    x6_1      a6        1
    x6_1      lo1       1
    x6_1      hi1       1
    x6_1      hi3       1
    x7_1      obj       0.39
    x7_1      a7        1
    x7_1      lo1       1
    x7_1      hi1       1
    x7_1      hi3       1
RHS
    RHS1      a0        1
    RHS1      a1        1
    RHS1      a2        1
    RHS1      a3        1
    RHS1      a4        1
    RHS1      a5        1
    RHS1      a6        1
    RHS1      a7        1
    RHS1      lo0       4
    RHS1      lo1       2
    RHS1      hi1       3
    RHS1      lo2       1
    RHS1      hi2       2
    RHS1      hi3       2
    RHS1      l0        1
BOUNDS
 BV BND1      x0_0
 BV BND1      x0_1
 BV BND1      x1_0
 BV BND1      x1_1
 BV BND1      x2_0
 BV BND1      x2_1
 BV BND1      x2_2
 BV BND1      x3_0
 BV BND1      x3_2
 BV BND1      x4_0
 BV BND1      x4_2
 BV BND1      x5_0
 BV BND1      x5_1
 BV BND1      x6_0
 BV BND1      x6_1
 BV BND1      x7_1
ENDATA
