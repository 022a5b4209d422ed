package main

import (
	"encoding/csv"
	"io"
)

// newCSV returns a CSV writer with the standard library's quoting (RFC 4180), so paths with
// commas or quotes survive.
func newCSV(w io.Writer) *csv.Writer { return csv.NewWriter(w) }
