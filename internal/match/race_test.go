//go:build race

package match

// raceEnabled reports that the race detector is on: the dev-set
// evaluation (about 15x slower under it) is then skipped, its bars are
// enforced by the ordinary test run.
const raceEnabled = true
