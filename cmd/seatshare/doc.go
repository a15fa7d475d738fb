// Command seatshare solves and explains seat sharing in an electoral
// alliance from the shell.
//
// Usage:
//
//	seatshare <command> [flags] [arguments]
//
// The commands:
//
//	solve    solve a solver-level JSON problem and print the result
//	export   write a problem as CPLEX LP, MPS, DIMACS min-cost flow or JSON
//	verify   check a result file against its problem with solver.Verify
//
// "seatshare -h" lists the commands and "seatshare <command> -h" a command's
// flags. Flags may come before or after the file arguments.
//
// # solve
//
//	seatshare solve [-format json|table|csv] [-verify] [-method auto|flow|bnb]
//	                [-resolution R] [-node-limit N] [-timeout D] [-seatbench] PROBLEM.json
//
// reads a problem in the JSON format of [solver.ReadProblem] (or, with
// -seatbench, an instance of the seatbench generator, see
// [solver.ReadSeatbenchInstance]), solves it with [solver.Solve] and prints
// the result: with -format json (the default) the document of
// [solver.WriteResult] (status, objective, the assignment by item and agent
// name, statistics and the certificate), with -format table a table of the
// status, the objective and one line per item, with -format csv the lines
// item,agent,weight under a header. -verify checks the result with
// [solver.Verify], which re-derives the proof in exact arithmetic without
// trusting the solver, and reports on stderr.
//
// # export
//
//	seatshare export -to lp|mps|fixed-mps|dimacs|json [-resolution R] [-seatbench] [-o FILE] PROBLEM.json
//
// writes the problem as CPLEX LP ([solver.WriteLP]), free or fixed MPS
// ([solver.WriteMPS]), DIMACS minimum-cost flow ([solver.WriteDIMACS]; laminar
// problems only) or the JSON problem format ([solver.WriteProblem]; with
// -seatbench this converts a seatbench instance). DIMACS costs are the
// weights in units of the resolution: -resolution, else 1/weight_scale for a
// seatbench instance, else [solver.DefaultResolution].
//
// # verify
//
//	seatshare verify [-seatbench] PROBLEM.json RESULT.json
//
// reads a result written by "seatshare solve" (the document of
// [solver.ReadResult]) and checks it against the problem with
// [solver.Verify], which trusts nothing the solver computed: the assignment
// must be feasible and the certificate must prove its status in exact
// arithmetic. It prints the verified status on stdout; a rejected result is
// exit code 3 with the reason on stderr.
//
// # Exit codes
//
//	0  success (for solve: an optimal or feasible assignment)
//	1  the problem is infeasible; the explanation is printed
//	2  bad input: a usage error, an unreadable file, or an invalid problem
//	3  any other failure: the solve stopped without an answer, a certificate
//	   or result was rejected, or the output could not be written
//
// Errors go to stderr and name the file and, for invalid input, the field
// (a JSON path such as items[3].options.INC).
package main
