package kit

// Async is the old way to run work off the UI thread; Call, Run and Job replace it.
var Async = func(f func()) { go f() }
