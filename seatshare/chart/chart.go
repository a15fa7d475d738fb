package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// ErrInvalid reports input that no chart accepts: an empty series, a NaN, a
// length mismatch and the like. [InputError] wraps it; check for it with
// [errors.Is].
var ErrInvalid = errors.New("chart: invalid input")

// ErrFormat reports an image format other than SVG and PNG. [FormatError]
// wraps it.
var ErrFormat = errors.New("chart: unsupported image format")

// InputError describes invalid input to a chart: which field, which element
// of it, and why. It wraps [ErrInvalid].
type InputError struct {
	// Field names the input field or argument, such as "Distribution.Prob".
	Field string
	// Index is the offending element of Field, or -1 when the error
	// concerns the field as a whole.
	Index int
	// Reason says what is wrong, in a few words.
	Reason string
}

// Error implements the error interface.
func (e *InputError) Error() string {
	if e.Index < 0 {
		return fmt.Sprintf("chart: invalid input: %s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("chart: invalid input: %s[%d]: %s", e.Field, e.Index, e.Reason)
}

// Unwrap returns [ErrInvalid].
func (e *InputError) Unwrap() error { return ErrInvalid }

// invalid returns an *InputError for element index of field.
func invalid(field string, index int, format string, args ...any) error {
	return &InputError{Field: field, Index: index, Reason: fmt.Sprintf(format, args...)}
}

// FormatError reports an image format that [Save] or [Write] cannot write.
// It wraps [ErrFormat].
type FormatError struct {
	// Format is the requested format: a file extension without its dot
	// for Save ("" when the file has none), the format argument for Write.
	Format string
}

// Error implements the error interface.
func (e *FormatError) Error() string {
	return fmt.Sprintf("chart: unsupported image format %q (want svg or png)", e.Format)
}

// Unwrap returns [ErrFormat].
func (e *FormatError) Unwrap() error { return ErrFormat }

// Default image size and resolution. The charts' fonts are chosen for this
// size; a chart drawn much smaller gets crowded.
const (
	// DefaultWidth is the width Save and Write use when given zero.
	DefaultWidth = 18 * vg.Centimeter
	// DefaultHeight is the height Save and Write use when given zero.
	DefaultHeight = 11 * vg.Centimeter
	// MaxSide is the largest width or height Save and Write accept; it
	// keeps a PNG's pixel buffer under 150 MB.
	MaxSide = 40 * vg.Inch
	// DPI is the resolution of PNG images, in dots per inch.
	DPI = 150
)

// Save draws p into file, as SVG or PNG according to the file's extension
// (".svg" or ".png", in any case), width w and height h; zero means
// [DefaultWidth] or [DefaultHeight]. The image is rendered in memory and
// written in one go, so a failed render leaves no partial file.
//
// Save returns a *[FormatError] for any other extension and an
// *[InputError] for a nil plot or a size that is negative, NaN or larger
// than [MaxSide]. It takes time proportional to the image's area for PNG
// and to the number of drawn elements for SVG.
func Save(p *plot.Plot, w, h vg.Length, file string) error {
	format := strings.ToLower(strings.TrimPrefix(filepath.Ext(file), "."))
	var buf bytes.Buffer
	if err := Write(&buf, p, w, h, format); err != nil {
		return err
	}
	return os.WriteFile(file, buf.Bytes(), 0o666)
}

// Write draws p to out as "svg" or "png" (lower case), width w and height
// h; zero means [DefaultWidth] or [DefaultHeight]. PNG images have [DPI]
// dots per inch, so the default size gives 1063 x 650 pixels; a side may
// be at most [MaxSide] (6000 pixels). SVG text refers to the Liberation
// fonts by name, with metric-compatible fallbacks (Arial, Helvetica, Times,
// Courier), rather than embedding them. The output depends only on p, w, h
// and format, so equal inputs give equal bytes.
//
// Write returns a *[FormatError] for any other format and an *[InputError]
// for a nil plot or a size that is negative, NaN or larger than [MaxSide].
func Write(out io.Writer, p *plot.Plot, w, h vg.Length, format string) error {
	if p == nil {
		return invalid("p", -1, "nil plot")
	}
	var err error
	if w, err = side("w", w, DefaultWidth); err != nil {
		return err
	}
	if h, err = side("h", h, DefaultHeight); err != nil {
		return err
	}
	var c interface {
		vg.CanvasSizer
		io.WriterTo
	}
	switch format {
	case "svg":
		c = vgsvg.New(w, h)
	case "png":
		c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(DPI))}
	default:
		return &FormatError{Format: format}
	}
	p.Draw(draw.Crop(draw.New(c), margin, -margin, margin, -margin))
	if format == "png" {
		_, err = c.WriteTo(out)
		return err
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return err
	}
	_, err = svgFallbacks.WriteString(out, buf.String())
	return err
}

// svgFallbacks adds fallback fonts to the Liberation families an SVG names,
// so a viewer without them picks metric-compatible fonts (Liberation Sans
// has the widths of Arial and Helvetica, Liberation Serif those of Times)
// and the labels keep their layout.
var svgFallbacks = strings.NewReplacer(
	"font-family:Liberation Sans;", "font-family:'Liberation Sans',Arial,Helvetica,sans-serif;",
	"font-family:Liberation Serif;", "font-family:'Liberation Serif','Times New Roman',Times,serif;",
	"font-family:Liberation Mono;", "font-family:'Liberation Mono','Courier New',Courier,monospace;",
)

// margin is the white border Write leaves around a plot, so no text
// touches the image's edge.
const margin = vg.Length(6) // points

// side checks an image side length, replacing zero by def.
func side(field string, l, def vg.Length) (vg.Length, error) {
	switch {
	case l == 0:
		return def, nil
	case math.IsNaN(float64(l)) || l < 0 || l > MaxSide:
		return 0, invalid(field, -1, "size %v pt, want 0 (default) or in (0, %v]", float64(l), float64(MaxSide))
	}
	return l, nil
}

// Colours from the Okabe-Ito palette, which readers with any common form of
// colour blindness can tell apart (M. Okabe and K. Ito, "Color Universal
// Design", 2008, https://jfly.uni-koeln.de/color/).
var (
	blue       = color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF}
	orange     = color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF}
	vermillion = color.NRGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF}
	skyBlue    = color.NRGBA{R: 0x56, G: 0xB4, B: 0xE9, A: 0xFF}
	grey       = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xFF}
	lightGrey  = color.NRGBA{R: 0xDD, G: 0xDD, B: 0xDD, A: 0xFF}
)

// Font sizes in points, for the default image size.
const (
	titleSize  = 14
	labelSize  = 12
	tickSize   = 10.5
	legendSize = 10.5
	noteSize   = 10
)

// sans is the typeface of every chart: Liberation Sans, which ships with
// gonum.org/v1/plot, so text looks the same on every machine.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// newPlot returns a plot with the package's fonts, the title and axis
// labels, and a light grid drawn first.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(sans, titleSize)
	p.Title.Padding = vg.Points(6)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, labelSize)
		a.Tick.Label.Font = font.From(sans, tickSize)
		a.Label.Padding = vg.Points(4)
		a.Tick.Marker = ticks{}
	}
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.Legend.TextStyle.Font = font.From(sans, legendSize)
	p.Legend.Top = true
	p.Legend.Padding = vg.Points(2)
	p.Legend.ThumbnailWidth = vg.Points(18)
	p.Legend.XOffs, p.Legend.YOffs = -vg.Points(6), -vg.Points(2)
	return p
}

// hGrid returns light horizontal grid lines at the y axis's ticks.
func hGrid() *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical.Color = nil
	g.Horizontal.Color = lightGrey
	return g
}

// vGrid returns light vertical grid lines at the x axis's ticks.
func vGrid() *plotter.Grid {
	g := plotter.NewGrid()
	g.Horizontal.Color = nil
	g.Vertical.Color = lightGrey
	return g
}

// textStyle returns the style of value labels and notes drawn in the data
// area.
func textStyle(size vg.Length, xAlign draw.XAlignment, yAlign draw.YAlignment) draw.TextStyle {
	return draw.TextStyle{
		Color:   color.Black,
		Font:    font.From(sans, size),
		XAlign:  xAlign,
		YAlign:  yAlign,
		Handler: plot.DefaultTextHandler,
	}
}

// MaxSeats is the largest number of seats any chart input may hold: far
// above every legislature (the Lok Sabha has 543 seats), and small enough
// that the axes' arithmetic stays exact.
const MaxSeats = 1_000_000

// count returns an *InputError unless element i of field, a number of
// seats, is in [0, MaxSeats].
func count(field string, i, n int) error {
	if n < 0 || n > MaxSeats {
		return invalid(field, i, "%d seats, want 0 to %d", n, MaxSeats)
	}
	return nil
}

// amount returns an *InputError unless element i of field, an expected or
// fractional number of seats, is in [0, MaxSeats] (so not NaN).
func amount(field string, i int, x float64) error {
	if !(x >= 0 && x <= MaxSeats) {
		return invalid(field, i, "%v seats, want 0 to %d", x, MaxSeats)
	}
	return nil
}

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// ticks marks an axis at round numbers: labelled ticks every 1, 2 or 5
// times a power of ten, the smallest such step giving at most 10 labels
// (at least 1 when integer is set, for counts), and unlabelled minor ticks
// halfway between them, or at every integer on integer axes with a step
// of at most 5.
type ticks struct{ integer bool }

// Ticks implements plot.Ticker.
func (t ticks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || !finite(lo) || !finite(hi) {
		return nil
	}
	pow := math.Pow(10, math.Floor(math.Log10((hi-lo)/10)))
	step := 10 * pow
	for _, f := range [...]float64{1, 2, 5} {
		if (hi-lo)/(f*pow) <= 10 {
			step = f * pow
			break
		}
	}
	if t.integer {
		step = max(math.Round(step), 1)
	}
	decimals := max(0, int(-math.Floor(math.Log10(step)+1e-9)))
	minor := step / 2
	if t.integer && step <= 5 {
		minor = 1
	}
	first, last := math.Ceil(lo/minor-1e-9), math.Floor(hi/minor+1e-9)
	if !(last-first < 1000) {
		return nil // the range is not one a chart of seats produces
	}
	var out []plot.Tick
	per := math.Round(step / minor)
	for i := range int(last-first) + 1 {
		k := first + float64(i)
		v := k*minor + 0 // + 0 turns -0 into 0
		if v < lo || v > hi {
			continue // outside by a rounding error
		}
		if math.Mod(k, per) == 0 {
			out = append(out, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', decimals, 64)})
		} else {
			out = append(out, plot.Tick{Value: v})
		}
	}
	return out
}
