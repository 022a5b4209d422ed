package main

// Public-domain melodies among the world set's lead works (the rest are generated), their
// opening phrases transcribed from memory: a few notes may differ from the published tunes,
// which matters to nobody as long as every arrangement of a work plays the same notes.
var (
	worldTunesTune = []*Tune{
		{ID: "korobeiniki", Title: "Korobeiniki (Russian folk song)", Meter: 4, BPM: 150, Tonic: "A", Mode: "minor",
			Melody: "E5:1 B4:.5 C5:.5 D5:1 C5:.5 B4:.5 | A4:1 A4:.5 C5:.5 E5:1 D5:.5 C5:.5 | B4:1.5 C5:.5 D5:1 E5:1 | C5:1 A4:1 A4:2 | " +
				"r:.5 D5:1 F5:.5 A5:1 G5:.5 F5:.5 | E5:1.5 C5:.5 E5:1 D5:.5 C5:.5 | B4:1 B4:.5 C5:.5 D5:1 E5:1 | C5:1 A4:1 A4:2",
			Chords: "E Am E Am Dm Am E Am"},
		{ID: "camptown", Title: "Camptown Races (Stephen Foster, 1850)", Meter: 4, BPM: 190, Tonic: "C", Mode: "major",
			Melody: "G4:1 G4 E4 G4 | A4:1 G4 E4:2 | E4:1 D4:3 | E4:1 D4:3 | G4:1 G4 E4 G4 | A4:1 G4 E4:2 | D4:2 E4:1 D4:1 | C4:4",
			Chords: "C C C G C C G C"},
		{ID: "largo", Title: "Largo theme (Dvořák, Symphony no. 9)", Meter: 4, BPM: 100, Tonic: "C", Mode: "major",
			Melody: "E4:1.5 G4:.5 G4:2 | E4:1.5 D4:.5 C4:2 | D4:1.5 E4:.5 G4:1.5 E4:.5 | D4:4 | E4:1.5 G4:.5 G4:2 | E4:1.5 D4:.5 C4:2 | D4:1.5 E4:.5 D4:1.5 C4:.5 | C4:4",
			Chords: "C C G G C C G C"},
		{ID: "clementine", Title: "Oh My Darling, Clementine (American, 1880s)", Meter: 3, Pickup: 1, BPM: 150, Tonic: "F", Mode: "major",
			Melody: "F4:.75 F4:.25 | F4:1 C4:1.5 A4:.5 | A4:1 F4:1.5 F4:.5 | A4:1 C5:1.5 C5:.5 | Bb4:1 A4:1 G4:1 | ~:2 G4:.75 A4:.25 | " +
				"Bb4:1 Bb4:1.5 A4:.5 | G4:1 A4:1.5 F4:.5 | F4:1 A4:1.5 G4:.5 | C4:1 E4:1 G4:1 | F4:2",
			Chords: "F F F C7 C7 C7 F F C7 F"},
	}
	worldTunesHeldout = []*Tune{
		{ID: "nachtmusik", Title: "Eine kleine Nachtmusik, opening (Mozart, K. 525)", Meter: 4, BPM: 140, Tonic: "G", Mode: "major",
			Melody: "G4:1 r:.5 D4:.5 G4:1 r:.5 D4:.5 | G4:.5 D4:.5 G4:.5 B4:.5 D5:2 | C5:1 r:.5 A4:.5 C5:1 r:.5 A4:.5 | C5:.5 A4:.5 F#4:.5 A4:.5 D4:2 | " +
				"G4:2 G4:.5 B4:.25 A4:.25 G4:.5 G4:.5 | F#4:1 F#4:1 A4:.5 C5:.25 F#4:.25 A4:.5 G4:.5 | G4:.5 B4:.5 A4:.5 G4:.5 F#4:.5 A4:.5 G4:.5 F#4:.5 | G4:2 r:2",
			Chords: "G G D D G D G-D G"},
		{ID: "mountainking", Title: "In the Hall of the Mountain King (Grieg, Peer Gynt)", Meter: 4, BPM: 120, Tonic: "B", Mode: "minor",
			Melody: "B3:.5 C#4 D4 E4 F#4 D4 F#4:1 | F4:.5 C#4 F4:1 E4:.5 C4 E4:1 | B3:.5 C#4 D4 E4 F#4 D4 F#4 B4 | A4:.5 F#4 D4 F#4 A4:2 | " +
				"F#4:.5 G#4 A#4 B4 C#5 A#4 C#5:1 | D5:.5 A#4 D5:1 C#5:.5 A4 C#5:1 | F#4:.5 G#4 A#4 B4 C#5 A#4 C#5 F#5 | E5:.5 C#5 A#4 C#5 E5:2",
			Chords: "Bm F# Bm F# F# C# F# C#"},
		{ID: "bonnie", Title: "My Bonnie Lies over the Ocean (Scottish)", Meter: 3, Pickup: 1, BPM: 170, Tonic: "C", Mode: "major",
			Melody: "G4:1 | E5:1.5 D5:.5 C5:1 | D5:1 C5:1 A4:1 | G4:1 E4:2 | ~:2 G4:1 | E5:1.5 D5:.5 C5:1 | C5:1 B4:1 C5:1 | D5:3 | ~:2 G4:1 | " +
				"E5:1.5 D5:.5 C5:1 | D5:1 C5:1 A4:1 | G4:1 E4:2 | ~:2 G4:1 | A4:1 D5:1 C5:1 | B4:1 A4:1 B4:1 | C5:2",
			Chords: "C F C C C G G G C F C C D7 G C"},
		{ID: "sakura", Title: "Sakura Sakura (Japanese)", Meter: 4, BPM: 100, Tonic: "A", Mode: "minor",
			Melody: "A4:1 A4:1 B4:2 | A4:1 A4:1 B4:2 | A4:1 B4:1 C5:1 B4:1 | A4:1 B4:.5 A4:.5 F4:2 | E4:1 C4:1 E4:1 F4:1 | E4:1 E4:.5 C4:.5 B3:2 | A4:1 B4:1 C5:1 B4:1 | A4:1 B4:.5 A4:.5 F4:2",
			Chords: "Am Am Am Dm Am E Am Dm"},
	}
)
