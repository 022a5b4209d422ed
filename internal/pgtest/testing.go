package pgtest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// RequireEnv names the environment variable that makes a missing PostgreSQL a test failure
// rather than a skip: CI sets it, since it installs the server.
const RequireEnv = "LEITMOTIF_REQUIRE_POSTGRES"

// Lazy is a server shared by the tests of one package, started by the first test that asks
// for it. Declare one in the package's tests and call Stop from TestMain after m.Run.
type Lazy struct {
	once sync.Once
	srv  *Server
	err  error
	dbs  atomic.Int64
}

// Get returns the shared server, starting it on first use. Without PostgreSQL it skips the
// test, or fails it when RequireEnv is set.
func (l *Lazy) Get(t testing.TB) *Server {
	t.Helper()
	l.once.Do(func() { l.srv, l.err = Start(Options{}) })
	if l.err != nil {
		Unavailable(t, l.err)
	}
	return l.srv
}

// Database creates a new, empty database on the shared server and returns its URL.
func (l *Lazy) Database(t testing.TB) string {
	t.Helper()
	s := l.Get(t)
	name := fmt.Sprintf("t%d_%s", l.dbs.Add(1), strings.ToLower(strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())))
	if len(name) > 60 {
		name = name[:60]
	}
	url, err := s.CreateDatabase(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return url
}

// Stop removes the shared server, if one was started.
func (l *Lazy) Stop() {
	if l.srv != nil {
		l.srv.Remove()
	}
}

// Private starts a server for one test alone (one that stops, pauses or restarts it) and
// removes it when the test ends. It is durable, so that what was committed before a crash
// survives it. Without PostgreSQL it skips, or fails under RequireEnv.
func Private(t testing.TB) *Server {
	t.Helper()
	s, err := Start(Options{Durable: true})
	if err != nil {
		Unavailable(t, err)
	}
	t.Cleanup(func() { s.Remove() })
	return s
}

// Unavailable skips t for want of a server (err says why), or fails it when RequireEnv is set.
func Unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv(RequireEnv) != "" {
		t.Fatalf("PostgreSQL is required (%s is set) but cannot start: %v", RequireEnv, err)
	}
	t.Skipf("no PostgreSQL server to test against (%v); CI sets %s and installs it", err, RequireEnv)
}
