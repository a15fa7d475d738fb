package seatshare_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coalitionlab/alliance/seatshare"
)

func TestModelDefaults(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	tests := []struct {
		name    string
		reason  string
		model   seatshare.ModelSpec
		rival   []string
		want    seatshare.ModelSpec
		wantSet []string
	}{
		{
			"empty", "a scenario without a model gets the calibrated model (no rival transfer for one rival party)",
			seatshare.ModelSpec{}, []string{"R"},
			seatshare.ModelSpec{
				Transfer: &seatshare.TransferSpec{Default: f(seatshare.DefaultTransfer)}, Lambda: f(seatshare.DefaultLambda),
				Link: &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: seatshare.DefaultSigma}},
			},
			[]string{"model.transfer", "model.lambda", "model.link"},
		},
		{
			"pairs without a default", "pair rates stay; the default rate is filled; two rival parties get the rival default",
			seatshare.ModelSpec{Transfer: &seatshare.TransferSpec{Pairs: []seatshare.PairRate{{From: "B", To: "A", Rate: 0.5}}}, Lambda: f(0.25)},
			[]string{"R", "S"},
			seatshare.ModelSpec{
				Transfer:      &seatshare.TransferSpec{Default: f(seatshare.DefaultTransfer), Pairs: []seatshare.PairRate{{From: "B", To: "A", Rate: 0.5}}},
				RivalTransfer: &seatshare.TransferSpec{Default: f(seatshare.DefaultTransfer)},
				Lambda:        f(0.25),
				Link:          &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: seatshare.DefaultSigma}},
			},
			[]string{"model.transfer.default", "model.rival_transfer", "model.link"},
		},
		{
			"all given", "nothing is defaulted when the scenario gives every parameter",
			seatshare.ModelSpec{
				Transfer: &seatshare.TransferSpec{Default: f(0.7)}, RivalTransfer: &seatshare.TransferSpec{Default: f(0.9)},
				Lambda: f(0.25), Link: &seatshare.LinkSpec{Logistic: &seatshare.LogisticSpec{Scale: 0.05}},
			},
			[]string{"R", "S"},
			seatshare.ModelSpec{
				Transfer: &seatshare.TransferSpec{Default: f(0.7)}, RivalTransfer: &seatshare.TransferSpec{Default: f(0.9)},
				Lambda: f(0.25), Link: &seatshare.LinkSpec{Logistic: &seatshare.LogisticSpec{Scale: 0.05}},
			},
			[]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := readScenarioFile(t, "small.json")
			s.Model, s.Rival = tt.model, tt.rival
			s.Simulation = seatshare.SimulationSpec{}
			pl, err := seatshare.NewPlanner(s, smallSource)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := pl.PlanWith(context.Background(), &seatshare.PlanSettings{NoSwitchCosts: true})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, plan.Model); diff != "" {
				t.Errorf("model in use (-want +got):\n%s\n(%s)", diff, tt.reason)
			}
			if diff := cmp.Diff(tt.wantSet, plan.ModelDefaults); diff != "" {
				t.Errorf("defaulted fields (-want +got):\n%s\n(%s)", diff, tt.reason)
			}
			if diff := cmp.Diff(tt.model, s.Model); diff != "" {
				t.Errorf("NewPlanner modified the caller's scenario (-before +after):\n%s", diff)
			}
		})
	}
}
