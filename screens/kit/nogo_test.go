package kit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoGoOutsideKit keeps the one way off the UI thread: outside package kit
// no screens code starts a goroutine or calls fyne.Do itself. Work goes
// through Call, Run or Job (the context taken on the UI thread, the result
// handed back through fyne.Do), periodic work through Every.
func TestNoGoOutsideKit(t *testing.T) {
	root, err := filepath.Abs("..") // screens/
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	scanned := 0
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if rel, _ := filepath.Rel(root, path); rel == "kit" || strings.HasPrefix(rel, "kit"+string(filepath.Separator)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		scanned++
		fyneName := "fyne"
		for _, im := range f.Imports {
			if im.Path.Value == `"fyne.io/fyne/v2"` && im.Name != nil {
				fyneName = im.Name.Name
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				t.Errorf("%s: a goroutine outside kit: use kit.Call, kit.Run, kit.Job or kit.Every", fset.Position(n.Pos()))
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == fyneName && (n.Sel.Name == "Do" || n.Sel.Name == "DoAndWait") {
					t.Errorf("%s: fyne.%s outside kit: a kit.Call's done runs on the UI thread already", fset.Position(n.Pos()), n.Sel.Name)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if scanned < 20 {
		t.Fatalf("scanned only %d files under %s: the check itself is broken", scanned, root)
	}
}
