* Written by github.com/coalitionlab/alliance/solver: maximise the total weight.
* 0 items, 1 agents, 0 binary variables, 1 rows.
* x<i>_<a> is 1 when item i goes to agent a; vetoed pairs have no variable.
* Rows: a<i> item i, lo<b>/hi<b> bound b, r<r> row r, l<k> lock k.
* agent 0: "A"
NAME          alliance
OBJSENSE
    MAX
ROWS
 N  obj
 E  none
COLUMNS
    zero      none      1
RHS
BOUNDS
 FX BND1      zero      0
ENDATA
