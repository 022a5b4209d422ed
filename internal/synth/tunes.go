package synth

// The tunes below are public-domain melodies transcribed by hand (reference
// keys, simplified rhythms). They are distinct enough to act as different
// "works" in tests.

// OdeToJoy is the theme of Beethoven's 9th symphony, finale (C major).
func OdeToJoy() Melody {
	return mustParse("ode-to-joy", 0, false, 4, `
E4 E4 F4 G4 | G4 F4 E4 D4 | C4 C4 D4 E4 | E4:1.5 D4:0.5 D4:2 |
E4 E4 F4 G4 | G4 F4 E4 D4 | C4 C4 D4 E4 | D4:1.5 C4:0.5 C4:2 |
D4 D4 E4 C4 | D4 E4:0.5 F4:0.5 E4 C4 | D4 E4:0.5 F4:0.5 E4 D4 | C4 D4 G3:2 |
E4 E4 F4 G4 | G4 F4 E4 D4 | C4 C4 D4 E4 | D4:1.5 C4:0.5 C4:2`)
}

// FrereJacques is the French round (C major).
func FrereJacques() Melody {
	return mustParse("frere-jacques", 0, false, 4, `
C4 D4 E4 C4 | C4 D4 E4 C4 | E4 F4 G4:2 | E4 F4 G4:2 |
G4:0.5 A4:0.5 G4:0.5 F4:0.5 E4 C4 | G4:0.5 A4:0.5 G4:0.5 F4:0.5 E4 C4 |
C4 G3 C4:2 | C4 G3 C4:2`)
}

// Twinkle is "Twinkle, Twinkle, Little Star" (C major).
func Twinkle() Melody {
	return mustParse("twinkle", 0, false, 4, `
C4 C4 G4 G4 | A4 A4 G4:2 | F4 F4 E4 E4 | D4 D4 C4:2 |
G4 G4 F4 F4 | E4 E4 D4:2 | G4 G4 F4 F4 | E4 E4 D4:2 |
C4 C4 G4 G4 | A4 A4 G4:2 | F4 F4 E4 E4 | D4 D4 C4:2`)
}

// Greensleeves is the English ballad (A minor, 3/4).
func Greensleeves() Melody {
	return mustParse("greensleeves", 9, true, 3, `
R:2 A4 | C5:2 D5 | E5:1.5 F5:0.5 E5 | D5:2 B4 | G4:1.5 A4:0.5 B4 |
C5:2 A4 | A4:1.5 G#4:0.5 A4 | B4:2 G#4 | E4:2 A4 |
C5:2 D5 | E5:1.5 F5:0.5 E5 | D5:2 B4 | G4:1.5 A4:0.5 B4 |
C5:1.5 B4:0.5 A4 | G#4:1.5 F#4:0.5 G#4 | A4:3`)
}

// AmazingGrace is the hymn tune "New Britain" (G major, 3/4).
func AmazingGrace() Melody {
	return mustParse("amazing-grace", 7, false, 3, `
R:2 D4 | G4:2 B4:0.5 G4:0.5 | B4:2 A4 | G4:2 E4 | D4:2 D4 |
G4:2 B4:0.5 G4:0.5 | B4:2 A4 | D5:3 | D5:2 B4 |
D5:1.5 B4:0.5 G4 | B4:2 A4 | G4:2 E4 | D4:2 D4 |
G4:2 B4:0.5 G4:0.5 | B4:2 A4 | G4:3`)
}

// ScarboroughFair is the English ballad (D dorian, 3/4; written as D minor).
func ScarboroughFair() Melody {
	return mustParse("scarborough-fair", 2, true, 3, `
D4:2 D4 | A4:2 A4 | E4:1.5 F4:0.5 E4 | D4:3 | R A4 C5 | D5:2 C5 |
A4 B4 G4 | A4:3 | D5:2 D5 | D5:2 D5 | C5:2 A4 | A4 G4 F4 |
E4 C4:2 | D4:2 A4 | G4:2 F4 | E4 D4 C4 | D4:3`)
}

// Tunes returns all built-in tunes, in a fixed order.
func Tunes() []Melody {
	return []Melody{OdeToJoy(), FrereJacques(), Twinkle(), Greensleeves(), AmazingGrace(), ScarboroughFair()}
}
