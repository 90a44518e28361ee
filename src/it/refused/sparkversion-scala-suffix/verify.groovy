// The check shared by all cases; it reads this case's test.properties.
evaluate(new File(basedir, '../../../test-classes/invoker/expect-refused.groovy'))
