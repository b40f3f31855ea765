// Renders a Tinkerbell Template the way the pinned Tinkerbell (v0.21.0) renders one for a
// Workflow: Go's text/template with missing keys an error, sprig's functions and
// formatPartition, then the result read as a workflow definition and checked the way its
// controller checks it. Not Tinkerbell itself (its module cannot be had here): the same template
// engine and libraries at the versions its go.mod pins, so what our templates rely on is what
// Tinkerbell runs.
//
// stdin: {"template": "<spec.data>", "data": {<hardwareMap values>, "references": {...}}}
// stdout: the rendered workflow definition; a refusal exits 1 with the reason on stderr.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
	"github.com/distribution/reference"
	"gopkg.in/yaml.v3"
)

type request struct {
	Template string         `json:"template"`
	Data     map[string]any `json:"data"`
}

type action struct {
	Name  string `yaml:"name"`
	Image string `yaml:"image"`
}

type task struct {
	Name    string   `yaml:"name"`
	Worker  string   `yaml:"worker"`
	Actions []action `yaml:"actions"`
}

type workflow struct {
	Name  string `yaml:"name"`
	Tasks []task `yaml:"tasks"`
}

// partitionOf follows Tinkerbell's documented formatPartition: "p" before the number for NVMe,
// the number straight after sd, vd, xvd and hd disks, and any other path (mmcblk, by-id links)
// handed back unchanged.
func partitionOf(disk string, partition int) string {
	if strings.HasPrefix(disk, "/dev/nvme") {
		return fmt.Sprintf("%sp%d", disk, partition)
	}
	for _, prefix := range []string{"/dev/sd", "/dev/vd", "/dev/xvd", "/dev/hd"} {
		if strings.HasPrefix(disk, prefix) {
			return fmt.Sprintf("%s%d", disk, partition)
		}
	}
	return disk
}

func named(what, name string) error {
	if len(name) == 0 || len(name) >= 200 {
		return fmt.Errorf("%s name must be 1 to 199 characters: %q", what, name)
	}
	return nil
}

func check(definition workflow) error {
	if err := named("workflow", definition.Name); err != nil {
		return err
	}
	if len(definition.Tasks) == 0 {
		return errors.New("template must have at least one task defined")
	}
	tasks := map[string]bool{}
	for _, t := range definition.Tasks {
		if err := named("task", t.Name); err != nil {
			return err
		}
		if tasks[t.Name] {
			return fmt.Errorf("two tasks are named %s", t.Name)
		}
		tasks[t.Name] = true
		if t.Worker == "" {
			return fmt.Errorf("task %s renders an empty worker", t.Name)
		}
		actions := map[string]bool{}
		for _, a := range t.Actions {
			if err := named("action", a.Name); err != nil {
				return err
			}
			if _, err := reference.ParseNormalizedNamed(a.Image); err != nil {
				return fmt.Errorf("action %s: invalid image %q: %v", a.Name, a.Image, err)
			}
			if actions[a.Name] {
				return fmt.Errorf("two actions of task %s are named %s", t.Name, a.Name)
			}
			actions[a.Name] = true
		}
	}
	return nil
}

func render(in request) ([]byte, error) {
	parsed, err := template.New("workflow-template").
		Option("missingkey=error").
		Funcs(sprig.FuncMap()).
		Funcs(template.FuncMap{"formatPartition": partitionOf}).
		Parse(in.Template)
	if err != nil {
		return nil, fmt.Errorf("parsing the template: %w", err)
	}
	var out bytes.Buffer
	if err := parsed.Execute(&out, in.Data); err != nil {
		return nil, fmt.Errorf("rendering the template: %w", err)
	}
	var definition workflow
	if err := yaml.Unmarshal(out.Bytes(), &definition); err != nil {
		return nil, fmt.Errorf("reading the rendered workflow: %w", err)
	}
	if err := check(definition); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func main() {
	var in request
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Fprintln(os.Stderr, "tink-render: reading the request:", err)
		os.Exit(2)
	}
	out, err := render(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Stdout.Write(out)
}
