// The CRD schema's verdict, as the API server reaches it for a kubeflow.org/v1 TFJob or MXJob:
// nulls pruned first (no field of these CRDs is nullable), unknown fields as strict field
// validation reports them (metadata aside: ObjectMeta is validated by other code), then the
// CRD's OpenAPI v3 schema with k8s.io/kube-openapi/pkg/validation, the validator the API server
// runs on custom resources.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"k8s.io/kube-openapi/pkg/validation/spec"
	"k8s.io/kube-openapi/pkg/validation/strfmt"
	"k8s.io/kube-openapi/pkg/validation/validate"
)

var schemas = map[string]*spec.Schema{} // by kind

// The fields of ObjectMeta (k8s.io/apimachinery/pkg/apis/meta/v1, not packaged by Debian), which
// the API server's strict field validation checks in a custom resource's metadata.
var objectMetaFields = map[string]bool{"name": true, "generateName": true, "namespace": true, "selfLink": true, "uid": true,
	"resourceVersion": true, "generation": true, "creationTimestamp": true, "deletionTimestamp": true,
	"deletionGracePeriodSeconds": true, "labels": true, "annotations": true, "ownerReferences": true, "finalizers": true,
	"managedFields": true}

// loadSchemas reads the CRD schemas kflint imported from the operator's CRDs
// (schema/upstream/<kind>.json: the v1 openAPIV3Schema without descriptions, and its origin).
func loadSchemas(dir string) error {
	for kind, file := range map[string]string{"TFJob": "tfjob.json", "MXJob": "mxjob.json"} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			return err
		}
		var record struct {
			Kind            string
			Version         string
			OpenAPIV3Schema json.RawMessage
		}
		if err := json.Unmarshal(data, &record); err != nil {
			return err
		}
		if record.Kind != kind || record.Version != "v1" {
			return fmt.Errorf("%s: kind %q version %q, want %s v1", file, record.Kind, record.Version, kind)
		}
		s := &spec.Schema{}
		if err := json.Unmarshal(record.OpenAPIV3Schema, s); err != nil {
			return err
		}
		schemas[kind] = s
	}
	return nil
}

func pruneNulls(v interface{}) interface{} {
	switch t := v.(type) {
	case map[string]interface{}:
		for k, e := range t {
			if e == nil {
				delete(t, k)
			} else {
				t[k] = pruneNulls(e)
			}
		}
	case []interface{}:
		for i, e := range t {
			t[i] = pruneNulls(e)
		}
	}
	return v
}

func closed(s *spec.Schema) bool {
	if len(s.Properties) == 0 || s.AdditionalProperties != nil {
		return false
	}
	preserve, _ := s.Extensions["x-kubernetes-preserve-unknown-fields"].(bool)
	return !preserve
}

func unknownFields(v interface{}, s *spec.Schema, path string, out *[]string) {
	if s == nil {
		return
	}
	switch t := v.(type) {
	case map[string]interface{}:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			child := k
			if path != "" {
				child = path + "." + k
			}
			if child == "metadata" {
				continue
			}
			if p, ok := s.Properties[k]; ok {
				unknownFields(t[k], &p, child, out)
			} else if s.AdditionalProperties != nil && s.AdditionalProperties.Schema != nil {
				unknownFields(t[k], s.AdditionalProperties.Schema, child, out)
			} else if closed(s) {
				*out = append(*out, child+": unknown field \""+child+"\"")
			}
		}
	case []interface{}:
		if s.Items != nil && s.Items.Schema != nil {
			for _, e := range t {
				unknownFields(e, s.Items.Schema, path, out)
			}
		}
	}
}

// schemaVerdict returns the errors for a kubeflow.org/v1 TFJob or MXJob, nil for anything else.
func schemaVerdict(j []byte) []string {
	var obj map[string]interface{}
	if err := json.Unmarshal(j, &obj); err != nil || obj["apiVersion"] != "kubeflow.org/v1" {
		return nil
	}
	kind, _ := obj["kind"].(string)
	s := schemas[kind]
	if s == nil {
		return nil
	}
	pruneNulls(obj)
	// Both CRDs have the status subresource: a create or update of the object resets status, so
	// what is written there is never validated.
	delete(obj, "status")
	var out []string
	unknownFields(obj, s, "", &out)
	if meta, ok := obj["metadata"].(map[string]interface{}); ok {
		for k := range meta {
			if !objectMetaFields[k] {
				out = append(out, "metadata."+k+": unknown field \"metadata."+k+"\"")
			}
		}
		// ObjectMeta's labels and annotations are maps of strings: decoding fails on anything else.
		for _, field := range []string{"labels", "annotations"} {
			if m, ok := meta[field].(map[string]interface{}); ok {
				for k, v := range m {
					if _, isString := v.(string); !isString {
						out = append(out, "metadata."+field+"."+k+": cannot unmarshal into Go struct field ObjectMeta.metadata."+field+" of type string")
					}
				}
			}
		}
	}
	if err := validate.AgainstSchema(s, obj, strfmt.Default); err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			if line == "" || strings.HasPrefix(line, "validation failure list") {
				continue
			}
			path := line
			if strings.HasPrefix(line, "\"") {
				path = strings.SplitN(line[1:], "\"", 2)[0]
			} else if i := strings.Index(line, " in body"); i > 0 {
				path = line[:i]
			}
			out = append(out, path+": "+line)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}
