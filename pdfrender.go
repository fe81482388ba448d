package main

import (
	"kontor/app"
	"kontor/app/pdf"
)

// printer is the one PDF maker main hands to the front ends.
var printer app.Printer = pdf.Printer{}
