// Package pgtest starts throwaway PostgreSQL servers for tests and for a developer's machine:
// a cluster made by initdb in a temporary directory, listening on a free port of 127.0.0.1
// only, removed when stopped. It needs the server binaries (Debian's postgresql package: they
// are looked for on PATH, then in /usr/lib/postgresql/*/bin), nothing else: no service, no
// configuration, no root (as root, the server runs as the postgres or nobody user, since
// PostgreSQL refuses to run as root).
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// User and Password are the superuser of every throwaway cluster. The cluster listens on the
// loopback interface only and lives as long as a test run, so a fixed password does no harm;
// it is a password at all so that a wrong one can be tested.
const (
	User     = "leitmotif"
	Password = "leitmotif"
)

// Options configures Start. The zero value is a fast cluster for tests.
type Options struct {
	// Durable keeps fsync and synchronous commit on. Off by default: a throwaway cluster
	// needs no crash safety of its own, and tests that create many databases run faster.
	// Benchmarks of load rates want it on, to measure what a real server does.
	Durable bool
	// Log receives the output of initdb and pg_ctl (nil: discarded).
	Log *os.File
}

// Server is a running throwaway cluster.
type Server struct {
	Dir  string // the cluster's directory: data, socket and server log
	Port int    // its TCP port on 127.0.0.1
	bin  string // the directory of initdb, pg_ctl and postgres
	opt  Options
	as   *account // the user the server runs as, when started by root
}

// ErrNoPostgres reports that no PostgreSQL server binaries were found.
var ErrNoPostgres = errors.New("no PostgreSQL server binaries (initdb, pg_ctl): install Debian's postgresql package")

// Find returns the directory of the newest PostgreSQL server binaries installed.
func Find() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := exec.LookPath("initdb"); err == nil {
			if real, err := filepath.EvalSymlinks(p); err == nil {
				return filepath.Dir(real), nil
			}
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int { return version(a) - version(b) })
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i], nil
		}
	}
	return "", ErrNoPostgres
}

// version reads the major version out of /usr/lib/postgresql/N/bin.
func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// Start makes a new cluster in a temporary directory and starts it.
func Start(opt Options) (*Server, error) {
	bin, err := Find()
	if err != nil {
		return nil, err
	}
	as, err := serverAccount()
	if err != nil {
		return nil, err
	}
	reapOrphans(bin, as)
	dir, err := os.MkdirTemp("", dirPrefix)
	if err != nil {
		return nil, err
	}
	s := &Server{Dir: dir, bin: bin, opt: opt, as: as}
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := s.init(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	// A port found free may be taken before the server binds it: try a few.
	for try := 0; ; try++ {
		if s.Port, err = freePort(); err == nil {
			if err = s.start(); err == nil {
				return s, nil
			}
		}
		if try == 4 {
			os.RemoveAll(dir)
			return nil, err
		}
	}
}

func (s *Server) init() error {
	if err := s.as.own(s.Dir); err != nil {
		return err
	}
	pw := filepath.Join(s.Dir, "pw")
	if err := os.WriteFile(pw, []byte(Password+"\n"), 0o600); err != nil {
		return err
	}
	if err := s.as.own(pw); err != nil {
		return err
	}
	return s.run("initdb", "-D", s.data(), "-U", User, "--pwfile="+pw, "-A", "scram-sha-256",
		"-E", "UTF8", "--locale=C", "-N")
}

func (s *Server) data() string { return filepath.Join(s.Dir, "data") }

// start starts the server on s.Port and waits until it accepts connections.
func (s *Server) start() error {
	o := []string{"-p", strconv.Itoa(s.Port), "-k", s.Dir, "-c", "listen_addresses=127.0.0.1"}
	if !s.opt.Durable {
		o = append(o, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	return s.run("pg_ctl", "-D", s.data(), "-l", filepath.Join(s.Dir, "log"), "-w", "-t", "60",
		"-o", strings.Join(o, " "), "start")
}

// run runs one of the server's programs as the server's user.
func (s *Server) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(s.bin, name), args...)
	cmd.Dir = s.Dir
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if s.opt.Log != nil {
		cmd.Stdout, cmd.Stderr = s.opt.Log, s.opt.Log
	}
	s.as.apply(cmd)
	if err := cmd.Run(); err != nil {
		log, _ := os.ReadFile(filepath.Join(s.Dir, "log"))
		return fmt.Errorf("%s: %w\n%s%s", name, err, out.String(), tail(string(log), 2000))
	}
	return nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// URL returns the address of database db on the server, as the cluster's superuser.
func (s *Server) URL(db string) string {
	return fmt.Sprintf("postgres://%s:%s@127.0.0.1:%d/%s?sslmode=disable", User, Password, s.Port, db)
}

// CreateDatabase creates an empty database named name and returns its URL.
func (s *Server) CreateDatabase(ctx context.Context, name string) (string, error) {
	c, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return "", err
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	return s.URL(name), nil
}

// Stop shuts the server down (fast: open sessions are ended) and leaves its directory.
func (s *Server) Stop() error { return s.run("pg_ctl", "-D", s.data(), "-m", "fast", "-w", "stop") }

// Crash stops the server at once, as a power cut would (immediate mode: no checkpoint).
func (s *Server) Crash() error {
	return s.run("pg_ctl", "-D", s.data(), "-m", "immediate", "-w", "stop")
}

// Restart starts a stopped server again on the same port.
func (s *Server) Restart() error { return s.start() }

// Remove stops the server if it runs and deletes its directory.
func (s *Server) Remove() error {
	if _, err := os.Stat(filepath.Join(s.data(), "postmaster.pid")); err == nil {
		s.Crash()
	}
	return os.RemoveAll(s.Dir)
}

// dirPrefix begins the name of every cluster's directory in the temporary directory, and
// ownerFile, in it, holds the process ID of the process that started the cluster.
const (
	dirPrefix = "leitmotif-pg-"
	ownerFile = "owner.pid"
)

// reapOrphans stops and removes the clusters whose starting process has died without
// removing them (a test binary that panicked or was killed): PostgreSQL outlives its parent.
func reapOrphans(bin string, as *account) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), dirPrefix+"*"))
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, ownerFile))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || alive(pid) {
			continue
		}
		(&Server{Dir: dir, bin: bin, as: as}).Remove()
	}
}

// freePort returns a TCP port of 127.0.0.1 that nothing listens on now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
