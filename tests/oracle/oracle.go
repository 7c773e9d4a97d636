// The oracle: what kubectl reads from a manifest file, answered by the Kubernetes libraries
// Debian packages (sigs.k8s.io/yaml on gopkg.in/yaml.v2, as kubectl uses them), offline.
//
// Usage: oracle FILE...   One JSON line per file on standard output:
//   {"file": F, "mode": "yaml"|"json", "docs": [{"json": <what the API server receives>} |
//     {"error": "<kubectl's words>"}, ... with "duplicate": "<strict error>" when keys repeat],
//    "error": "<the first error that stops kubectl reading the file>"}
//
// The document split follows k8s.io/apimachinery's YAMLReader and YAMLOrJSONDecoder (that
// module is not packaged by Debian, so its documented behaviour is written out here): a stream
// whose first non-blank byte is `{` is read as concatenated JSON values; otherwise a line that
// starts with `---` ends a document, and only blanks or a comment may follow the dashes.
// Empty documents and `null` are skipped, as kubectl skips them; a document that is not an object
// (a string, a number, a list) is refused, as kubectl refuses it when it decodes the object.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"sigs.k8s.io/yaml"
)

type doc struct {
	JSON      json.RawMessage `json:"json,omitempty"`
	Error     string          `json:"error,omitempty"`
	Duplicate string          `json:"duplicate,omitempty"`
	Schema    []string        `json:"schema,omitempty"` // the CRD schema's verdict: "path: message" per error
}

type result struct {
	File  string `json:"file"`
	Mode  string `json:"mode"`
	Docs  []doc  `json:"docs"`
	Error string `json:"error,omitempty"`
}

// splitYAML returns the documents of a YAML stream, or the separator error that stops kubectl.
func splitYAML(data []byte) ([][]byte, error) {
	var docs [][]byte
	var buf bytes.Buffer
	reader := bufio.NewReader(bytes.NewReader(data))
	for {
		line, err := reader.ReadBytes('\n')
		if len(line) > 0 {
			if bytes.HasPrefix(line, []byte("---")) {
				rest := strings.TrimSpace(string(line[3:]))
				if rest != "" && rest[0] != '#' {
					return docs, fmt.Errorf("invalid Yaml document separator: %s", rest)
				}
				if buf.Len() > 0 {
					docs = append(docs, append([]byte(nil), buf.Bytes()...))
					buf.Reset()
				}
			} else {
				buf.Write(line)
			}
		}
		if err == io.EOF {
			break
		}
	}
	if buf.Len() > 0 {
		docs = append(docs, buf.Bytes())
	}
	return docs, nil
}

// notObject is kubectl's refusal of a document that is not an object (it decodes every document
// into an unstructured object: a string, number or list cannot be one).
func notObject(j []byte) string {
	var v interface{}
	if err := json.Unmarshal(j, &v); err != nil {
		return err.Error()
	}
	if _, ok := v.(map[string]interface{}); ok {
		return ""
	}
	var m map[string]interface{}
	if err := json.Unmarshal(j, &m); err != nil {
		return err.Error()
	}
	return "not an object"
}

// asDecoded is what the API server reads from raw JSON: Go's decoder (numbers kept as written,
// an unpaired surrogate escape read as U+FFFD), written again.
func asDecoded(raw []byte) json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v interface{}
	if err := dec.Decode(&v); err != nil {
		return raw
	}
	out, err := json.Marshal(v)
	if err != nil {
		return raw
	}
	return out
}

func skipped(j []byte) bool {
	t := bytes.TrimSpace(j)
	return len(t) == 0 || bytes.Equal(t, []byte("null"))
}

func readYAML(data []byte, r *result) {
	r.Mode = "yaml"
	chunks, splitErr := splitYAML(data)
	for _, chunk := range chunks {
		j, err := yaml.YAMLToJSON(chunk)
		if err != nil {
			r.Docs = append(r.Docs, doc{Error: err.Error()})
			if r.Error == "" {
				r.Error = err.Error()
			}
			continue
		}
		if skipped(j) {
			continue
		}
		if msg := notObject(j); msg != "" {
			r.Docs = append(r.Docs, doc{Error: msg})
			if r.Error == "" {
				r.Error = msg
			}
			continue
		}
		d := doc{JSON: j, Schema: schemaVerdict(j)}
		if _, err := yaml.YAMLToJSONStrict(chunk); err != nil {
			d.Duplicate = err.Error()
		}
		r.Docs = append(r.Docs, d)
	}
	if splitErr != nil {
		r.Docs = append(r.Docs, doc{Error: splitErr.Error()})
		if r.Error == "" {
			r.Error = splitErr.Error()
		}
	}
}

func readJSON(data []byte, r *result) {
	r.Mode = "json"
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			return
		}
		if err != nil {
			r.Docs = append(r.Docs, doc{Error: err.Error()})
			r.Error = err.Error()
			return
		}
		if skipped(raw) {
			continue
		}
		if msg := notObject(raw); msg != "" {
			r.Docs = append(r.Docs, doc{Error: msg})
			r.Error = msg
			return
		}
		decoded := asDecoded(raw)
		d := doc{JSON: decoded, Schema: schemaVerdict(decoded)}
		// The same strict reading as for YAML (a JSON document is YAML): a repeated key. (go-yaml
		// reads some escapes encoding/json accepts, a lone surrogate, as errors: not repeats.)
		if _, err := yaml.YAMLToJSONStrict(raw); err != nil && strings.Contains(err.Error(), "already set") {
			d.Duplicate = err.Error()
		}
		r.Docs = append(r.Docs, d)
	}
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	args := os.Args[1:]
	if len(args) >= 2 && args[0] == "-schemas" {
		if err := loadSchemas(args[1]); err != nil {
			fmt.Fprintln(os.Stderr, "oracle:", err)
			os.Exit(2)
		}
		args = args[2:]
	}
	for _, path := range args {
		data, err := os.ReadFile(path)
		r := result{File: path, Docs: []doc{}}
		if err != nil {
			r.Error = err.Error()
		} else if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && t[0] == '{' {
			readJSON(data, &r)
		} else {
			readYAML(data, &r)
		}
		if err := enc.Encode(r); err != nil {
			fmt.Fprintln(os.Stderr, "oracle:", err)
			os.Exit(2)
		}
	}
}
