package main

// The five Debian packages the real set is cut from, pinned to the version and SHA-256 found
// with `apt-cache policy` and `apt-get download PKG=VERSION` on Debian 12 (bookworm), 2026-12.
// Size is the .deb's size in bytes; the five together are 723 MB, fetched in about 10 s
// from a Debian mirror on a fast link.
//
// Music per download: frozen-bubble-data (22 MB, 3 songs) and warzone2100-music (86 MB,
// 30 tracks, 4.6 hours) give the most; hedgewars-data (145 MB, 26 tracks), freedroidrpg-data
// (228 MB, 16 tracks and 3 jingles) and megaglest-data (242 MB, 9 tracks) are mostly game art
// around their music, but all five are used so that the set spans five games and many composers.
var packages = []debPackage{
	{Name: "freedroidrpg-data", Short: "fd", Version: "1.0-1", Size: 228309836,
		SHA256: "16c3cfeb82b1ec20c98493bbe1de2e356bd1aec832845630a5a7f12e303baa2b"},
	{Name: "frozen-bubble-data", Short: "fb", Version: "2.212-11", Size: 21929412,
		SHA256: "39cdfd07d9532d1558762cf265a844d09015c4540568573c50f444cc084166e0"},
	{Name: "hedgewars-data", Short: "hw", Version: "1.0.2-6", Size: 145330284,
		SHA256: "722225903a72604403e6e0026e40e9a6953f47a74d94efc5f55504bc05bb4761"},
	{Name: "megaglest-data", Short: "mg", Version: "3.13.0-3", Size: 242024888,
		SHA256: "ed4783d9fc78e201a548b266f7c30325eb16cfd58a20bf4597dd6e622f84a07e"},
	{Name: "warzone2100-music", Short: "wz", Version: "4.3.3-3", Size: 85730052,
		SHA256: "d3b2c9f90ea5438d45d4aff18339a03ec808e1affa9dac91f7dad61cb15ee64e"},
}

// debPackage is one pinned Debian package.
type debPackage struct {
	Name, Short, Version, SHA256 string
	Size                         int64
	// Licence is filled in at run time from usr/share/doc/NAME/copyright.
}

// deb is the file name apt-get download gives the package.
func (p debPackage) deb() string { return p.Name + "_" + p.Version + "_all.deb" }

// recording is one piece of music inside a package: a path in the package's file system
// tree (without the leading ./) and its duration in seconds, rounded down to 0.1 s (as
// soxi and opusinfo report it for the pinned version; the build checks the decoded length).
type recording struct {
	Pkg  string
	Path string
	Dur  float64
}

// Paths inside the packages, shortened by these prefixes in the table below.
const (
	fdMusic = "usr/share/freedroidrpg/data/sound/music/"
	fbSnd   = "usr/share/games/frozen-bubble/snd/"
	hwMusic = "usr/share/games/hedgewars/Data/Music/"
	mgData  = "usr/share/games/megaglest/"
	wzMusic = "usr/share/games/warzone2100/music/"
)

// recordings lists every piece of music in the five packages that the set may use: 79 of
// the 87 music files. Sound effects and tileset ambiences (birds, rain) are not music and
// are not listed. Left out, so that no two "unrelated" recordings share a melody (which
// would turn true matches into false positives) and nothing is too short to cut from:
//
//   - freedroidrpg-data base/titles/{StartOfGame,GameLost}.ogg and
//     storyline/act1/titles/EndOfAct.ogg: 39–49 s title jingles that may quote the
//     game's themes;
//   - freedroidrpg-data HellFortressTwo.ogg: the second cue of the same level as
//     HellFortressEntrance.ogg, likely to share its material;
//   - hedgewars-data olympics_sd.ogg: the "sudden death" variant of Olympics.ogg;
//   - megaglest-data data/core/menu/music/intro_music.ogg: 24 s, the intro of the menu music;
//   - warzone2100-music albums/aftermath_soundtrack/menu_enhanced.opus and
//     track3_enhanced.opus: remakes of menu.opus and original_soundtrack/track3.opus (the
//     album's licence.txt says track3_enhanced is derived from track3).
//
// No package ships tracker modules (.xm/.mod/.it): all music is Ogg Vorbis, except
// warzone2100-music's, which is Ogg Opus (decoded with opusdec from opus-tools, because
// sox has no Opus reader).
var recordings = []recording{
	{"freedroidrpg-data", fdMusic + "Ambience.ogg", 115.2},
	{"freedroidrpg-data", fdMusic + "AmbientBattle.ogg", 150.8},
	{"freedroidrpg-data", fdMusic + "Bleostrada.ogg", 365.2},
	{"freedroidrpg-data", fdMusic + "HellFortressEntrance.ogg", 186.8},
	{"freedroidrpg-data", fdMusic + "Hyperbattle.ogg", 108.0},
	{"freedroidrpg-data", fdMusic + "ImperialArmy.ogg", 205.7},
	{"freedroidrpg-data", fdMusic + "NewTutorialStage.ogg", 233.5},
	{"freedroidrpg-data", fdMusic + "Suspicion.ogg", 119.8},
	{"freedroidrpg-data", fdMusic + "TechBattle.ogg", 150.8},
	{"freedroidrpg-data", fdMusic + "TheBeginning.ogg", 287.9},
	{"freedroidrpg-data", fdMusic + "hellforce.ogg", 94.3},
	{"freedroidrpg-data", fdMusic + "menu.ogg", 181.7},
	{"freedroidrpg-data", fdMusic + "temple.ogg", 170.3},
	{"freedroidrpg-data", fdMusic + "town.ogg", 207.7},
	{"freedroidrpg-data", fdMusic + "underground.ogg", 180.0},

	{"frozen-bubble-data", fbSnd + "frozen-mainzik-1p.ogg", 321.7},
	{"frozen-bubble-data", fbSnd + "frozen-mainzik-2p.ogg", 183.6},
	{"frozen-bubble-data", fbSnd + "introzik.ogg", 195.5},

	{"hedgewars-data", hwMusic + "Art.ogg", 244.0},
	{"hedgewars-data", hwMusic + "Beach.ogg", 245.2},
	{"hedgewars-data", hwMusic + "Brick.ogg", 318.0},
	{"hedgewars-data", hwMusic + "Castle.ogg", 354.4},
	{"hedgewars-data", hwMusic + "City.ogg", 298.9},
	{"hedgewars-data", hwMusic + "Compost.ogg", 304.0},
	{"hedgewars-data", hwMusic + "Desert.ogg", 285.0},
	{"hedgewars-data", hwMusic + "EarthRise.ogg", 176.0},
	{"hedgewars-data", hwMusic + "Freeway.ogg", 225.0},
	{"hedgewars-data", hwMusic + "Fruit.ogg", 208.0},
	{"hedgewars-data", hwMusic + "Golf.ogg", 246.0},
	{"hedgewars-data", hwMusic + "Halloween.ogg", 208.0},
	{"hedgewars-data", hwMusic + "Jungle.ogg", 219.3},
	{"hedgewars-data", hwMusic + "Nature.ogg", 125.2},
	{"hedgewars-data", hwMusic + "Olympics.ogg", 282.0},
	{"hedgewars-data", hwMusic + "Rock.ogg", 274.2},
	{"hedgewars-data", hwMusic + "Sheep.ogg", 250.5},
	{"hedgewars-data", hwMusic + "bath.ogg", 200.0},
	{"hedgewars-data", hwMusic + "hell.ogg", 113.4},
	{"hedgewars-data", hwMusic + "main_theme.ogg", 104.5},
	{"hedgewars-data", hwMusic + "oriental.ogg", 207.0},
	{"hedgewars-data", hwMusic + "pirate.ogg", 260.0},
	{"hedgewars-data", hwMusic + "sdmusic.ogg", 50.8},
	{"hedgewars-data", hwMusic + "snow.ogg", 149.3},
	{"hedgewars-data", hwMusic + "underwater.ogg", 174.3},

	{"megaglest-data", mgData + "data/core/menu/music/menu_music.ogg", 60.0},
	{"megaglest-data", mgData + "techs/megapack/factions/egypt/music/asak-jadeflange.ogg", 104.0},
	{"megaglest-data", mgData + "techs/megapack/factions/indian/music/music_indian.ogg", 185.4},
	{"megaglest-data", mgData + "techs/megapack/factions/magic/music/music_magic.ogg", 419.8},
	{"megaglest-data", mgData + "techs/megapack/factions/norsemen/music/manolo_camp-medieval.ogg", 97.5},
	{"megaglest-data", mgData + "techs/megapack/factions/persian/music/aminos-together_together.ogg", 230.8},
	{"megaglest-data", mgData + "techs/megapack/factions/romans/music/romans.ogg", 258.9},
	{"megaglest-data", mgData + "techs/megapack/factions/tech/music/music_tech.ogg", 479.7},

	{"warzone2100-music", wzMusic + "menu.opus", 180.0},
	{"warzone2100-music", wzMusic + "albums/original_soundtrack/track1.opus", 420.7},
	{"warzone2100-music", wzMusic + "albums/original_soundtrack/track2.opus", 471.0},
	{"warzone2100-music", wzMusic + "albums/original_soundtrack/track3.opus", 299.0},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track4.opus", 658.0},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track5.opus", 418.0},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track6.opus", 312.0},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track7.opus", 468.0},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track8.opus", 396.0},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track9.opus", 492.0},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track10.opus", 756.0},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track11.opus", 375.8},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track12.opus", 391.7},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track13.opus", 425.1},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track14.opus", 365.5},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track15.opus", 372.0},
	{"warzone2100-music", wzMusic + "albums/legacy_soundtrack/track16.opus", 487.7},
	{"warzone2100-music", wzMusic + "albums/aftermath_soundtrack/track17.opus", 477.0},
	{"warzone2100-music", wzMusic + "albums/aftermath_soundtrack/track18.opus", 621.0},
	{"warzone2100-music", wzMusic + "albums/aftermath_soundtrack/track19.opus", 361.5},
	{"warzone2100-music", wzMusic + "albums/aftermath_soundtrack/track20.opus", 585.0},
	{"warzone2100-music", wzMusic + "albums/aftermath_soundtrack/track21.opus", 654.0},
	{"warzone2100-music", wzMusic + "albums/aftermath_soundtrack/track22.opus", 588.0},
	{"warzone2100-music", wzMusic + "albums/aftermath_soundtrack/track23.opus", 680.0},
	{"warzone2100-music", wzMusic + "albums/aftermath_soundtrack/track24.opus", 527.0},
	{"warzone2100-music", wzMusic + "albums/aftermath_soundtrack/track25.opus", 594.0},
	{"warzone2100-music", wzMusic + "albums/aftermath_soundtrack/track26.opus", 847.3},
	{"warzone2100-music", wzMusic + "albums/aftermath_soundtrack/track27.opus", 418.5},
}

// licenceFiles are extracted with the music and copied beside the set: each package's
// Debian copyright file and warzone2100-music's album licences.
var licenceFiles = map[string][]string{
	"warzone2100-music": {
		wzMusic + "albums/aftermath_soundtrack/license.txt",
		wzMusic + "albums/legacy_soundtrack/license.txt",
	},
}

// copyrightPath is the Debian copyright file of a package.
func copyrightPath(pkg string) string { return "usr/share/doc/" + pkg + "/copyright" }
