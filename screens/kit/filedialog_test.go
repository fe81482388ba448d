package kit

import (
	"encoding/json"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDialogsSizedOnlyAfterShow keeps the crash of issue 10 (Accounts → Bank →
// Import statement… resized its file dialog before Show, which dereferences
// Fyne's not-yet-built window) from coming back: outside filedialog.go no
// code makes a file dialog or calls Resize on any dialog; filedialog.go's
// helpers show first and size after. It type-checks every package under
// screens/ (the shell, kit and the modules), so a dialog reached through a
// field (fd.Dialog) counts as well.
func TestDialogsSizedOnlyAfterShow(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the package against compiled dependencies")
	}
	out, err := exec.Command("go", "list", "-export", "-deps", "-json", "kontor/screens/...").Output()
	if err != nil {
		t.Fatalf("go list -export: %v", err)
	}
	exports := map[string]string{}
	dirs := map[string]string{} // the screens packages: import path → directory
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p struct{ ImportPath, Export, Dir string }
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		exports[p.ImportPath] = p.Export
		if p.ImportPath == "kontor/screens" || strings.HasPrefix(p.ImportPath, "kontor/screens/") {
			dirs[p.ImportPath] = p.Dir
		}
	}
	fset := token.NewFileSet()
	var files []*ast.File
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}}
	for path, dir := range dirs {
		names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		var pkgFiles []*ast.File
		for _, n := range names {
			if strings.HasSuffix(n, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, n, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			pkgFiles = append(pkgFiles, f)
		}
		conf := types.Config{Importer: importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
			return os.Open(exports[path])
		})}
		if _, err := conf.Check(path, fset, pkgFiles, info); err != nil {
			t.Fatal(err)
		}
		files = append(files, pkgFiles...)
	}
	const dialogPkg = "fyne.io/fyne/v2/dialog"
	fromDialog := func(tp types.Type) bool {
		if p, ok := tp.(*types.Pointer); ok {
			tp = p.Elem()
		}
		n, ok := tp.(*types.Named)
		return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == dialogPkg
	}
	fileDialogMakers := map[string]bool{"NewFileOpen": true, "NewFileSave": true, "NewFolderOpen": true,
		"ShowFileOpen": true, "ShowFileSave": true, "ShowFolderOpen": true}
	checked := 0
	for _, f := range files {
		name := fset.Position(f.Pos()).Filename
		name = filepath.Base(filepath.Dir(name)) + "/" + filepath.Base(name)
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if obj := info.Uses[sel.Sel]; obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == dialogPkg && fileDialogMakers[sel.Sel.Name] && name != "kit/filedialog.go" {
				t.Errorf("%s: dialog.%s outside kit/filedialog.go: use kit.SaveFileAs, OpenFileOf or OpenFolder", fset.Position(call.Pos()), sel.Sel.Name)
			}
			if sel.Sel.Name == "Resize" {
				if tv, ok := info.Types[sel.X]; ok && fromDialog(tv.Type) {
					checked++
					if name != "kit/filedialog.go" {
						t.Errorf("%s: a dialog resized outside kit/filedialog.go: use kit.ShowSized (Show, then Resize)", fset.Position(call.Pos()))
					}
				}
			}
			return true
		})
	}
	if checked == 0 {
		t.Fatal("found no dialog Resize at all: the check itself is broken")
	}
}
