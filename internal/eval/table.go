package eval

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// readTable reads the tab-separated file name, whose first non-blank line names the columns
// (in any order; each of required must be there), and calls row with every other non-blank
// line: its line number and a getter of a column's value ("" when the column or the field is
// missing), names and values trimmed of spaces. It stops at row's first error.
func readTable(name string, required []string, row func(line int, get func(col string) string) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var cols map[string]int
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		fields := strings.Split(sc.Text(), "\t")
		if cols == nil {
			cols = map[string]int{}
			for i, c := range fields {
				cols[strings.TrimSpace(c)] = i
			}
			for _, c := range required {
				if _, ok := cols[c]; !ok {
					return fmt.Errorf("%s: no %q column", name, c)
				}
			}
			continue
		}
		get := func(c string) string {
			if i, ok := cols[c]; ok && i < len(fields) {
				return strings.TrimSpace(fields[i])
			}
			return ""
		}
		if err := row(line, get); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
