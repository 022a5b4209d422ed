//go:build race

package motif

// raceEnabled reports that the race detector is on; slow evaluations skip themselves.
const raceEnabled = true
