package screens

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
// helpers show first and size after. It type-checks the package, so a dialog
// reached through a field (fd.d) counts as well.
func TestDialogsSizedOnlyAfterShow(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the package against compiled dependencies")
	}
	out, err := exec.Command("go", "list", "-export", "-deps", "-json", ".").Output()
	if err != nil {
		t.Fatalf("go list -export: %v", err)
	}
	exports := map[string]string{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p struct{ ImportPath, Export string }
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		exports[p.ImportPath] = p.Export
	}
	fset := token.NewFileSet()
	names, _ := filepath.Glob("*.go")
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		return os.Open(exports[path])
	})}
	if _, err := conf.Check("kontor/screens", fset, files, info); err != nil {
		t.Fatal(err)
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
		name := filepath.Base(fset.Position(f.Pos()).Filename)
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if obj := info.Uses[sel.Sel]; obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == dialogPkg && fileDialogMakers[sel.Sel.Name] && name != "filedialog.go" {
				t.Errorf("%s: dialog.%s outside filedialog.go: use saveFileAs, openFileOf or openFolder", fset.Position(call.Pos()), sel.Sel.Name)
			}
			if sel.Sel.Name == "Resize" {
				if tv, ok := info.Types[sel.X]; ok && fromDialog(tv.Type) {
					checked++
					if name != "filedialog.go" {
						t.Errorf("%s: a dialog resized outside filedialog.go: use showSized (Show, then Resize)", fset.Position(call.Pos()))
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
