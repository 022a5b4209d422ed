//go:build !unix

package pgtest

import (
	"errors"
	"os/exec"
)

// account is the user a server started by root runs as: there is no root here.
type account struct{}

func serverAccount() (*account, error)   { return nil, nil }
func (a *account) own(path string) error { return nil }
func (a *account) apply(cmd *exec.Cmd)   {}

var errNoSignals = errors.New("pausing a server needs Unix signals")

// Pause stops every process of the server: Unix only.
func (s *Server) Pause() error { return errNoSignals }

// Resume continues a paused server: Unix only.
func (s *Server) Resume() error { return errNoSignals }

// alive says whether process pid exists: assumed, where signals cannot ask.
func alive(pid int) bool { return true }
