* Written by github.com/coalitionlab/alliance/solver: maximise the total weight.
* 4 items, 3 agents, 5 binary variables, 13 rows.
* x<i>_<a> is 1 when item i goes to agent a; vetoed pairs have no variable.
* Rows: a<i> item i, lo<b>/hi<b> bound b, r<r> row r, l<k> lock k.
* agent 0: "A"
* agent 1: "B"
* agent 2: "C with a rather long agent name that does not fit on one fixed MPS
* comment line"
* group 0: "g01"
* group 1: "empty"
NAME          alliance
OBJSENSE
    MAX
ROWS
 N  obj
 E  a0
 E  a1
 E  a2
 E  a3
 G  lo0
 L  hi0
 L  hi1
 G  lo2
 L  r0
 G  r1
 E  r2
 E  l0
 E  l1
COLUMNS
    x0_0      obj       0.25
    x0_0      a0        1
    x0_0      lo0       1
    x0_0      hi0       1
    x0_0      r0        0.5
    x0_1      obj       -1.5
    x0_1      a0        1
    x0_1      hi1       1
    x0_1      r2        0.75
    x0_2      a0        1
    x1_1      obj       2
    x1_1      a1        1
    x1_1      hi1       1
    x1_1      r2        0.75
    x2_0      obj       3
    x2_0      a2        1
    x2_0      lo0       1
    x2_0      hi0       1
    x2_0      r0        1
    x2_0      l0        1
    zero      a3        1
    zero      lo2       1
    zero      r1        1
    zero      l1        1
RHS
    RHS1      a0        1
    RHS1      a1        1
    RHS1      a2        1
    RHS1      a3        1
    RHS1      lo0       1
    RHS1      hi0       3
    RHS1      hi1       1
    RHS1      lo2       1
    RHS1      r0        1.5
    RHS1      r1        -2
    RHS1      r2        0.75
    RHS1      l0        1
    RHS1      l1        1
BOUNDS
 BV BND1      x0_0
 BV BND1      x0_1
 BV BND1      x0_2
 BV BND1      x1_1
 BV BND1      x2_0
 FX BND1      zero      0
ENDATA
