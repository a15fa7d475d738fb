// Command gen writes the ILLUSTRATIVE synthetic Uttar Pradesh results of
// package synth into the directory of package illustrative:
//
//	go run ./seatshare/illustrative/internal/gen -dir seatshare/illustrative
//
// (go generate in seatshare/illustrative runs it.)
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/coalitionlab/alliance/seatshare/illustrative/internal/synth"
)

func main() {
	dir := flag.String("dir", ".", "directory to write upYYYY.csv into")
	flag.Parse()
	for _, y := range synth.Years() {
		b, err := synth.Generate(y)
		if err != nil {
			log.Fatal(err)
		}
		path := filepath.Join(*dir, fmt.Sprintf("up%d.csv", y))
		if err := os.WriteFile(path, b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
