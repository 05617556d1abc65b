# k-nearest-neighbour check for issue 12 (docs/detect.md, "Other model families"): is there instance-level
# structure (near-duplicate answers, e.g. one prompt answered alike) that a memorising model could use and
# the linear classifier cannot? Records are sets of their numbers (mode tok) or numbers and number bigrams
# (mode bigram), cosine similarity, 5 folds stratified by label; a record's score is the similarity-weighted
# owl share of its k nearest records in the other folds. Needs python3 with numpy and scipy (not a project
# dependency); about 1 CPU-minute. Usage: python3 bench/detectors/experiments/knn.py [tok|bigram] [DATA_DIR]
import json, re, sys

import numpy as np
import scipy.sparse as sp
D=(sys.argv[2] if len(sys.argv)>2 else '../shared/data/real')+'/qwen7b-animals/'
def read(f):
    return [json.loads(l)['completion'] for l in open(D+f) if l.strip()]
owl=read('owl_rawformat_unique.jsonl'); ctl=read('control_rawformat_unique.jsonl')
texts=owl+ctl; y=np.array([1]*len(owl)+[0]*len(ctl))
mode=sys.argv[1] if len(sys.argv)>1 else 'tok'
vocab={}; rows=[]; cols=[]
for i,t in enumerate(texts):
    nums=re.findall(r'\d+',t)
    feats=set(nums) if mode=='tok' else set(zip(nums,nums[1:]))|set(nums)
    for f in feats:
        j=vocab.setdefault(f,len(vocab)); rows.append(i); cols.append(j)
X=sp.csr_matrix((np.ones(len(rows),np.float32),(rows,cols)),shape=(len(texts),len(vocab)))
norm=np.sqrt(np.asarray(X.multiply(X).sum(1)).ravel()); norm[norm==0]=1
X=sp.diags(1/norm).dot(X).tocsr()
rng=np.random.default_rng(1); fold=np.empty(len(y),int)
for lab in (0,1):
    idx=np.where(y==lab)[0]; rng.shuffle(idx); fold[idx]=np.arange(len(idx))%5
XT=X.T.tocsc()
scores={k:np.zeros(len(y)) for k in (5,20,50,200)}
B=2000
prior=y.mean()
for s in range(0,len(y),B):
    S=(X[s:s+B]@XT).toarray()
    for r in range(S.shape[0]):
        i=s+r; S[r,fold==fold[i]]=-1
    order=np.argsort(-S,axis=1)
    for k in scores:
        nb=order[:,:k]
        w=np.take_along_axis(S,nb,1).clip(0)
        lab=y[nb]
        # balanced: owl share vs prior
        scores[k][s:s+B]=((w*lab).sum(1)+1e-9)/(w.sum(1)+2e-9)
def auc(sc,y):
    from scipy.stats import rankdata
    r=rankdata(sc); n1=y.sum(); n0=len(y)-n1
    return (r[y==1].sum()-n1*(n1+1)/2)/(n1*n0)
for k in scores: print(mode,'k',k,'auc',round(auc(scores[k],y),4))
