* Written by github.com/coalitionlab/alliance/solver: maximise the total weight.
* 2 items, 3 agents, 3 binary variables, 6 rows.
* x<i>_<a> is 1 when item i goes to agent a; vetoed pairs have no variable.
* Rows: a<i> item i, lo<b>/hi<b> bound b, r<r> row r, l<k> lock k.
* agent 0: "INC"
* agent 1: "SP"
* agent 2: "RLD"
* group 0: "west"
NAME          alliance
OBJSENSE
    MAX
ROWS
 N obj
 E a0
 E a1
 G lo0
 L hi1
 G r0
 E l0
COLUMNS
 x0_0 obj 0.61
 x0_0 a0 1
 x0_0 lo0 1
 x0_0 r0 -0.5
 x0_0 l0 1
 x0_1 obj 0.52
 x0_1 a0 1
 x0_1 r0 1
 x1_2 obj 0.55
 x1_2 a1 1
 x1_2 hi1 1
 x1_2 r0 1
RHS
 RHS1 a0 1
 RHS1 a1 1
 RHS1 lo0 1
 RHS1 hi1 1
 RHS1 r0 0.5
 RHS1 l0 1
BOUNDS
 BV BND1 x0_0
 BV BND1 x0_1
 BV BND1 x1_2
ENDATA
