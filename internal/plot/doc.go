// Package plot renders leitmotif results as PNG images with gonum.org/v1/plot: a chromagram
// (pitch class against time) and a cross-similarity matrix with the alignment path and the
// aligned segments drawn on it.
//
// Matrices are rasterised here, not by gonum's HeatMap, so that a long track costs one pass
// over its frames: large matrices are max-pooled down to about the plot's pixel size (max, not
// mean, so a thin diagonal stripe of similarity survives), and small ones are repeated up to it
// so cells stay crisp when the canvas scales the image.
package plot
