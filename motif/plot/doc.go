// Package plot renders leitmotif's features and results as PNG images with gonum.org/v1/plot:
// a chromagram (pitch class against time, Chromagram) and a cross-similarity matrix with the
// alignment path and the aligned segments drawn on it (Compare). `motif plot` draws with it, and
// so can any program:
//
//	a, err := motif.AnalyzeFile("trailer.wav", motif.ChromaOptions{})
//	...
//	ta, tb := motif.Prepare(a, motif.CompareOptions{}), motif.Prepare(b, motif.CompareOptions{})
//	r := motif.CompareTracks(ta, tb, motif.CompareOptions{})
//	img, err := plot.Compare(a, b, r, motif.CrossSimilarity(ta, tb, r.Transposition))
//	...
//	_, err = img.WriteTo(f)
//
// The functions return an io.WriterTo that encodes the PNG: the picture is rendered when they
// are called, so a data problem is an error from them, and WriteTo only writes.
//
// Matrices are rasterised here, not by gonum's HeatMap, so that a long track costs one pass
// over its frames: large matrices are max-pooled down to about the plot's pixel size (max, not
// mean, so a thin diagonal stripe of similarity survives), and small ones are repeated up to it
// so cells stay crisp when the canvas scales the image.
package plot
