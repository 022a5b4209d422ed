package wav

// FormatError reports that the input is not a well-formed WAV file.
type FormatError struct {
	Msg string
}

func (e *FormatError) Error() string { return "wav: invalid format: " + e.Msg }

// UnsupportedError reports that the input is a valid WAV file (or a close relative, such as RF64)
// that uses a feature this package does not decode, such as a compressed codec.
type UnsupportedError struct {
	Msg string
}

func (e *UnsupportedError) Error() string { return "wav: unsupported feature: " + e.Msg }
