// The check shared by all samples.
evaluate(new File(basedir, '../../../test-classes/invoker/expect-sample.groovy'))
