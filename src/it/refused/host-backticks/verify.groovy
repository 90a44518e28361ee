// The check shared by all cases (pom.xml, refusedCheck); it reads this case's test.properties.
evaluate(new File(refusedCheck))
